import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/support/server-only.ts") };

/**
 * Two tiers by file suffix: `*.test.ts` are unit tests (no database);
 * `*.db.test.ts` run against the database — embedded PGlite in memory by
 * default, the PostgreSQL server in DATABASE_URL when it is set.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["**/*.test.ts"], exclude: ["**/*.db.test.ts", "node_modules/**", "e2e/**"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["**/*.db.test.ts"],
          exclude: ["node_modules/**"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          globalSetup: ["tests/support/pglite-snapshot.ts"],
        },
      },
    ],
  },
});
