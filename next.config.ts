import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite loads its WASM from its own package folder; bundling it breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg-boss", "postgres"],
  // A separate build folder per checkout or worker (NEXT_DIST_DIR) lets builds run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Set by `npm test` once its own typecheck step has passed on the same tree, and for parallel local work.
  typescript: { ignoreBuildErrors: process.env.LAZO_SKIP_BUILD_TYPECHECK === "1" },
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
