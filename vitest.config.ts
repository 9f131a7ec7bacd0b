import { defineConfig } from "vitest/config";

// Tiers are selected by scripts/test-all.ts with --project.
export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "packages/domain/test/**/*.test.ts",
            "apps/*/test/unit/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["packages/db/test/**/*.test.ts", "apps/server/test/services/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: { name: "api", include: ["apps/server/test/api/**/*.test.ts", "apps/cli/test/**/*.test.ts"] },
      },
      { extends: true, test: { name: "browser", include: ["e2e/**/*.test.ts"], fileParallelism: false } },
    ],
  },
});
