/** The built-in badge icons a challenge may show (drawn by components/gamification/badge-icon.tsx; no external assets). */
export const BADGE_ICONS = ["star", "trophy", "flame", "medal", "heart", "bag", "store", "rocket", "crown", "leaf"] as const;
export type BadgeIcon = (typeof BADGE_ICONS)[number];

export function isBadgeIcon(value: string): value is BadgeIcon {
  return (BADGE_ICONS as readonly string[]).includes(value);
}
