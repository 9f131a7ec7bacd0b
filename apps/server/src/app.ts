// Builds the HTTP application: plugins, hooks, every module's routes, the
// OpenAPI document at /docs and the web UI at /.
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Deps } from "./context.ts";
import { registerAuthHook } from "./http/auth-hook.ts";
import { registerErrorHandler } from "./http/error-handler.ts";
import { LOG_REDACT_PATHS } from "./http/log-redaction.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
import { registerWeb } from "./http/web.ts";
import { maintenanceDue, vacuumAnalyze } from "./lib/embedded-maintenance.ts";
import { acceptanceRoutes } from "./modules/acceptance/acceptance.routes.ts";
import { registryRoutes } from "./modules/agency-registry/registry.routes.ts";
import { attachmentRoutes } from "./modules/attachments/attachments.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { boxRoutes } from "./modules/boxes/boxes.routes.ts";
import { catalogueSearchRoutes } from "./modules/catalogue-search/catalogue-search.routes.ts";
import { catalogueRoutes } from "./modules/catalogues/catalogues.routes.ts";
import { clauseRoutes } from "./modules/clauses/clauses.routes.ts";
import { confirmationRoutes } from "./modules/confirmations/confirmations.routes.ts";
import { contractRoutes } from "./modules/contracts/contracts.routes.ts";
import { digitizationChainRoutes } from "./modules/digitization-originals/chain.routes.ts";
import { digitizationOriginalsRoutes } from "./modules/digitization-originals/originals.routes.ts";
import { digitizationQcRoutes } from "./modules/digitization-qc/qc.routes.ts";
import { digitizationSiteRoutes } from "./modules/digitization-site/digitization-site.routes.ts";
import { alertRoutes } from "./modules/environment/alerts.routes.ts";
import { environmentRoutes } from "./modules/environment/environment.routes.ts";
import { sensorIngestRoutes } from "./modules/environment/sensor-ingest.routes.ts";
import { facilitiesRoutes } from "./modules/facilities/facilities.routes.ts";
import { filingRoutes } from "./modules/filings/filings.routes.ts";
import { grantRoutes } from "./modules/grants/grants.routes.ts";
import { incidentRoutes } from "./modules/incidents/incidents.routes.ts";
import { intakeRoutes } from "./modules/intake/intake.routes.ts";
import { intakeContentRoutes } from "./modules/intake/intake-content.routes.ts";
import { inventoryRoutes } from "./modules/inventory/inventory.routes.ts";
import { ledgerRoutes } from "./modules/ledger/ledger.routes.ts";
import { marketRoutes } from "./modules/market/market.routes.ts";
import { metaRoutes } from "./modules/meta/meta.routes.ts";
import { movementRoutes } from "./modules/movements/movements.routes.ts";
import { organisationRoutes } from "./modules/organisations/organisations.routes.ts";
import { oversightRoutes } from "./modules/oversight/oversight.routes.ts";
import { screeningRoutes } from "./modules/page-intelligence/screening.routes.ts";
import { pageTextRoutes } from "./modules/page-text/page-text.routes.ts";
import { projectRoutes } from "./modules/projects/projects.routes.ts";
import { statisticsRoutes } from "./modules/statistics/statistics.routes.ts";
import { registerRoutes } from "./modules/use-requests/register.routes.ts";
import { useRequestRoutes } from "./modules/use-requests/use-requests.routes.ts";
import { useServicesRoutes } from "./modules/use-services/use-services.routes.ts";
import { userRoutes } from "./modules/users/users.routes.ts";
import { vaultAccessRoutes } from "./modules/vault-access/vault-access.routes.ts";
import { createServices, type Services } from "./services.ts";

export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
}

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  /** Every route, for the authorization-matrix test. */
  routes: RouteInfo[];
}

export async function buildApp(
  deps: Deps,
  opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {},
): Promise<BuiltApp> {
  const app = Fastify({
    logger:
      opts.logger || opts.logStream
        ? {
            level: deps.config.logLevel,
            redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          }
        : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.DANGAN_TRUST_PROXY === "true",
  });
  const routes: RouteInfo[] = [];
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/docs")) route.config = { ...(route.config ?? {}), public: true };
    for (const method of [route.method].flat()) {
      // Read `public` later: plugins' own onRoute hooks (docs, web) set it after this one runs.
      if (method !== "HEAD")
        routes.push({
          method,
          url: route.url,
          get public() {
            return route.config?.public === true;
          },
        });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app, { hsts: deps.config.secureCookies });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Dangan API",
        version: "0.1.0",
        description:
          "档案外包监管平台 · Archive outsourcing platform. Errors: { code, clause?, message: { zh, en }, details? }.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "dangan_session" },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list" } });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000 },
  });

  const services = createServices(deps);
  registerAuthHook(app, services.auth);

  for (const routes of [
    metaRoutes(services),
    authRoutes(services, deps.config.secureCookies),
    organisationRoutes(services),
    userRoutes(services),
    projectRoutes(services),
    contractRoutes(services),
    ledgerRoutes(services),
    attachmentRoutes(services),
    confirmationRoutes(services),
    auditRoutes(services),
    clauseRoutes(services),
    incidentRoutes(services),
    filingRoutes(services),
    acceptanceRoutes(services),
    registryRoutes(services),
    marketRoutes(services),
    intakeRoutes(services),
    intakeContentRoutes(services),
    boxRoutes(services),
    facilitiesRoutes(services),
    inventoryRoutes(services),
    movementRoutes(services),
    statisticsRoutes(services),
    environmentRoutes(services),
    alertRoutes(services),
    sensorIngestRoutes(services),
    vaultAccessRoutes(services),
    useServicesRoutes(services),
    screeningRoutes(services),
    oversightRoutes(services),
    catalogueRoutes(services),
    catalogueSearchRoutes(services),
    grantRoutes(services),
    useRequestRoutes(services),
    registerRoutes(services),
    digitizationOriginalsRoutes(services),
    digitizationChainRoutes(services),
    digitizationQcRoutes(services),
    pageTextRoutes(services),
    digitizationSiteRoutes(services),
  ]) {
    await app.register(routes);
  }
  // D-9.4, D-9.5: MQTT ingestion runs with the server when a broker is configured.
  app.addHook("onReady", async () => {
    await services.environment
      .startIngester(app.log)
      .catch((err) => app.log.error({ err }, "MQTT ingestion"));
  });
  app.addHook("onClose", () => services.environment.stopIngester());
  // D-8.3: imports of a process that stopped are marked failed (their transaction rolled back).
  app.addHook("onReady", async () => {
    await services.catalogueImports.recover();
  });
  app.addHook("onClose", () => services.catalogueImports.shutdown());
  // Z-7.4: delivery checks of a process that stopped are marked failed.
  app.addHook("onReady", async () => {
    await services.digitizationQc.deliveries.recover();
  });
  app.addHook("onClose", () => services.digitizationQc.deliveries.shutdown());
  // Z-7.4, D-10.1: full-text OCR jobs of a process that stopped are marked failed (restart resumes them);
  // from now on a checked delivery queues its OCR.
  app.addHook("onReady", async () => {
    await services.pageText.startBackground();
  });
  app.addHook("onClose", () => services.pageText.shutdown());
  // Server mode: a job whose process died while this one ran (or just before it started) is
  // failed once its heartbeat is stale, not left "running" until the next start-up.
  if (deps.dbh.mode === "server") {
    const sweep = setInterval(() => {
      Promise.all([
        services.catalogueImports.recover(),
        services.digitizationQc.deliveries.recover(),
        services.pageText.recover(),
      ]).catch((err) => app.log.warn({ err }, "job recovery"));
    }, deps.config.jobStaleSeconds * 500);
    sweep.unref();
    app.addHook("onClose", async () => clearInterval(sweep));
  }
  // D-9.4: the readings' monthly partitions are kept ahead, at start and daily.
  const partitions = () =>
    services.environment.addPartitions().catch((err) => app.log.error({ err }, "reading partitions"));
  app.addHook("onReady", async () => {
    await partitions();
  });
  const partitionCheck = setInterval(partitions, 86_400_000);
  partitionCheck.unref();
  app.addHook("onClose", async () => clearInterval(partitionCheck));
  // Embedded: no autovacuum in PGlite, so the night's VACUUM (ANALYZE) is ours (lib/embedded-maintenance.ts).
  if (deps.dbh.mode === "embedded") {
    let lastVacuum: Date | null = null;
    const maintenance = setInterval(() => {
      if (!maintenanceDue(new Date(), lastVacuum)) return;
      lastVacuum = new Date();
      vacuumAnalyze(deps.dbh.db)
        .then((ms) => app.log.info({ ms: Math.round(ms) }, "embedded database vacuumed"))
        .catch((err) => app.log.error({ err }, "embedded vacuum"));
    }, 600_000);
    maintenance.unref();
    app.addHook("onClose", async () => clearInterval(maintenance));
  }
  // D-10.6: overdue loans alert; checked hourly while the server runs.
  const loanCheck = setInterval(() => {
    services.useServices.loans.checkOverdue().catch((err) => app.log.error({ err }, "overdue loans"));
  }, 3_600_000);
  loanCheck.unref();
  app.addHook("onClose", async () => clearInterval(loanCheck));
  await registerWeb(app, deps.config.webDist);
  return { app, services, routes };
}
