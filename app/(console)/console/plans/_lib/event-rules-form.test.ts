import { describe, expect, it } from "vitest";
import { defaultPlan } from "@/lib/domain/plan/plan-definition";
import { planDefinitionSchema } from "@/lib/validation/plan";
import { applyEventRules } from "./event-rules-form";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

const quiz = { id: "quiz", name: { es: "Quiz", en: "Quiz" }, eventType: "quiz.completed", points: 50, oncePer: "quizId", active: true };

describe("applyEventRules", () => {
  it("keeps edited rows, adds the new row with an id from its name, and drops cleared rows", () => {
    const plan = { ...defaultPlan(), eventRules: [quiz, { ...quiz, id: "old" }] };
    const next = applyEventRules(plan, form({
      eventRuleRows: "3",
      "eventRules.0.id": "quiz", "eventRules.0.eventType": "quiz.completed", "eventRules.0.points": "75", "eventRules.0.oncePer": "quizId", "eventRules.0.name.es": "Quiz", "eventRules.0.name.en": "Quiz", "eventRules.0.active": "on",
      "eventRules.1.id": "old", "eventRules.1.eventType": "", "eventRules.1.name.es": "", "eventRules.1.name.en": "",
      "eventRules.2.eventType": "survey.answered", "eventRules.2.points": "20", "eventRules.2.name.es": "Encuesta", "eventRules.2.name.en": "Product survey",
    }));
    expect(next.eventRules).toEqual([
      { ...quiz, points: 75 },
      { id: "product-survey", name: { es: "Encuesta", en: "Product survey" }, eventType: "survey.answered", points: 20, active: false },
    ]);
    expect(planDefinitionSchema.safeParse(next).success).toBe(true);
  });

  it("leaves unreadable points for the schema to name", () => {
    const next = applyEventRules(defaultPlan(), form({ eventRuleRows: "1", "eventRules.0.eventType": "Quiz Done", "eventRules.0.points": "many", "eventRules.0.name.es": "Q" }));
    const parsed = planDefinitionSchema.safeParse(next);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual(
      expect.arrayContaining([["eventRules.0.eventType", "eventType"], ["eventRules.0.points", "number"]]),
    );
  });
});
