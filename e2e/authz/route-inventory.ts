import fs from "node:fs";
import path from "node:path";

export type RouteKind = "page" | "api";
export type AppRoute = { route: string; kind: RouteKind; file: string };

/**
 * Every page and route handler the app serves, read from app/ the way Next
 * maps files to URLs: route groups `(x)` vanish, private `_x` folders are
 * skipped, dynamic segments keep their `[name]`.
 */
export function listAppRoutes(appDir = path.resolve("app")): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue;
        const isGroup = entry.name.startsWith("(") && entry.name.endsWith(")");
        walk(full, isGroup ? segments : [...segments, entry.name]);
      } else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        routes.push({ route: `/${segments.join("/")}`, kind: entry.name === "page.tsx" ? "page" : "api", file: path.relative(process.cwd(), full) });
      }
    }
  };
  walk(appDir, []);
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}
