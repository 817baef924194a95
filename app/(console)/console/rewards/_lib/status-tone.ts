import type { BadgeTone } from "@/components/ui/badge";

export const STATUS_TONE: Record<string, BadgeTone> = { active: "brand", draft: "neutral", archived: "neutral", issued: "brand", redeemed: "neutral", expired: "accent", voided: "accent" };
