import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Layer rules from STYLE.md, enforced rather than remembered. */
const noDbOutsideData = {
  patterns: [{ group: ["@/db", "@/db/*", "@/db/**"], message: "Transports call lib/services; only services and queries touch db/." }],
};

/** Every page reads the database: links prefetch on intent (components/link.tsx), never a whole navigation per page view. */
const noViewportPrefetch = { name: "next/link", message: "Import Link from @/components/link: it prefetches on hover or focus, not on sight." };

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".data*/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "screenshots/**", "tmp/**"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db/*", "@/db/**"], message: "lib/domain is pure: no database." },
            { group: ["next", "next/*", "react", "@/lib/services/*", "@/lib/services/**"], message: "lib/domain is pure: no framework, no services." },
          ],
        },
      ],
      "no-restricted-properties": ["error", { object: "Date", property: "now", message: "Pass `now` in: domain functions are pure." }],
    },
  },
  {
    files: ["db/queries/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["next", "next/*", "@/lib/auth/*", "@/lib/services/*", "@/lib/services/**"], message: "Queries know only the schema." }] }],
    },
  },
  {
    files: ["lib/services/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/navigation", message: "Services are transport-agnostic." }, { name: "next/cache", message: "Services are transport-agnostic." }] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "cli/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { ...noDbOutsideData, paths: [noViewportPrefetch] }] },
  },
  // The one place that wraps next/link.
  { files: ["components/link.tsx"], rules: { "no-restricted-imports": ["error", noDbOutsideData] } },
];

export default config;
