import { describe, expect, it } from "vitest";
import en from "@/messages/webhooks.en.json";
import es from "@/messages/webhooks.es.json";
import { EVENT_TYPES } from "./event-types";

describe("webhook event names", () => {
  it.each(EVENT_TYPES)("explains %s in Spanish and English (the console's subscription checkboxes)", (type) => {
    const key = type.replace(".", "_");
    expect(es.Webhooks.eventNames).toHaveProperty(key);
    expect(en.Webhooks.eventNames).toHaveProperty(key);
  });
});
