import { describe, expect, it } from "vitest";
import { creditKey, evaluateEvent, onceKeyOf, type EventRule } from "./event-rules";

const quiz: EventRule = { id: "quiz", name: { es: "Quiz", en: "Quiz" }, eventType: "quiz.completed", points: 50, oncePer: "quizId", active: true };
const survey: EventRule = { id: "survey", name: { es: "Encuesta", en: "Survey" }, eventType: "survey.answered", points: 20, active: true };
const goldQuiz: EventRule = { ...quiz, id: "gold-quiz", points: 25, tiers: ["gold"] };
const none = new Set<string>();

describe("evaluateEvent", () => {
  it("credits a quiz rule's points for its event type", () => {
    const result = evaluateEvent([quiz, survey], { type: "quiz.completed", properties: { quizId: "q-7" } }, { tier: null, credited: none });
    expect(result).toEqual({ points: 50, rules: [{ ruleId: "quiz", fired: true, points: 50, onceKey: "q-7" }] });
  });

  it("credits nothing for the same quiz a second time", () => {
    const result = evaluateEvent([quiz], { type: "quiz.completed", properties: { quizId: "q-7" } }, { tier: null, credited: new Set([creditKey("quiz", "q-7")]) });
    expect(result.points).toBe(0);
    expect(result.rules[0]!.miss).toBe("already_credited");
  });

  it("credits another quiz of the same member", () => {
    const result = evaluateEvent([quiz], { type: "quiz.completed", properties: { quizId: "q-8" } }, { tier: null, credited: new Set([creditKey("quiz", "q-7")]) });
    expect(result.points).toBe(50);
  });

  it.each([
    [{}, "property_missing"],
    [{ quizId: "" }, "property_missing"],
    [{ quizId: { nested: true } }, "property_missing"],
  ])("refuses a once-only rule when the event lacks its property (%j)", (properties, miss) => {
    const result = evaluateEvent([quiz], { type: "quiz.completed", properties }, { tier: null, credited: none });
    expect(result).toEqual({ points: 0, rules: [{ ruleId: "quiz", fired: false, points: 0, onceKey: null, miss }] });
  });

  it("adds up every matching rule, and leaves out rules of other types", () => {
    const result = evaluateEvent([quiz, goldQuiz, survey], { type: "quiz.completed", properties: { quizId: 12 } }, { tier: "gold", credited: none });
    expect(result.points).toBe(75);
    expect(result.rules.map((r) => r.ruleId)).toEqual(["quiz", "gold-quiz"]);
  });

  it.each([
    [null, 50],
    ["silver", 50],
    ["gold", 75],
  ])("pays a tier-only rule only to that tier (tier %s → %i)", (tier, points) => {
    expect(evaluateEvent([quiz, goldQuiz], { type: "quiz.completed", properties: { quizId: "q" } }, { tier, credited: none }).points).toBe(points);
  });

  it("skips inactive rules", () => {
    expect(evaluateEvent([{ ...survey, active: false }], { type: "survey.answered", properties: {} }, { tier: null, credited: none }).points).toBe(0);
  });

  it("pays a rule without oncePer on every event", () => {
    expect(evaluateEvent([survey], { type: "survey.answered", properties: {} }, { tier: null, credited: new Set(["anything"]) })).toEqual({ points: 20, rules: [{ ruleId: "survey", fired: true, points: 20, onceKey: null }] });
  });
});

describe("onceKeyOf", () => {
  it("keys on numbers and trimmed strings", () => {
    expect(onceKeyOf(quiz, { quizId: 7 })).toBe("7");
    expect(onceKeyOf(quiz, { quizId: " q-7 " })).toBe("q-7");
    expect(onceKeyOf(survey, { quizId: 7 })).toBeNull();
  });
});
