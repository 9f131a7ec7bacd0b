// Vite: the dev server proxies /api to a running backend (DANGAN_API, default
// http://127.0.0.1:3100); `vite build` writes dist/, which the server serves.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.DANGAN_API ?? "http://127.0.0.1:3100";

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { "/api": { target: api, changeOrigin: false } } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // React in its own long-cached chunk; antd is split by use, pages per route (React.lazy).
        codeSplitting: {
          groups: [
            {
              name: "vendor-react",
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
