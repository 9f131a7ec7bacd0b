// Routes. Pages are code-split; everything but the sign-in page needs a session.
import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { FullPageSpin } from "./components/FullPageSpin.tsx";
import { NotFound } from "./components/NotFound.tsx";
import { AppLayout } from "./layout/AppLayout.tsx";
import { useSession } from "./session/SessionContext.tsx";

function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = page(() => import("./features/auth/LoginPage.tsx"), "LoginPage");
const HomePage = page(() => import("./features/home/HomePage.tsx"), "HomePage");
const OrganisationListPage = page(
  () => import("./features/organisations/OrganisationListPage.tsx"),
  "OrganisationListPage",
);
const OrganisationCreatePage = page(
  () => import("./features/organisations/OrganisationCreatePage.tsx"),
  "OrganisationCreatePage",
);
const OrganisationDetailPage = page(
  () => import("./features/organisations/OrganisationDetailPage.tsx"),
  "OrganisationDetailPage",
);
const UsersPage = page(() => import("./features/users/UsersPage.tsx"), "UsersPage");
const TokensPage = page(() => import("./features/users/TokensPage.tsx"), "TokensPage");
const AccountSecurityPage = page(
  () => import("./features/auth/AccountSecurityPage.tsx"),
  "AccountSecurityPage",
);
const ProjectListPage = page(() => import("./features/projects/ProjectListPage.tsx"), "ProjectListPage");
const NewProjectPage = page(() => import("./features/projects/NewProjectPage.tsx"), "NewProjectPage");
const ProjectDetailPage = page(
  () => import("./features/projects/ProjectDetailPage.tsx"),
  "ProjectDetailPage",
);
const AuditLogPage = page(() => import("./features/audit/AuditLogPage.tsx"), "AuditLogPage");
const CataloguePage = page(() => import("./features/catalogues/CataloguePage.tsx"), "CataloguePage");
const CatalogueImportPage = page(
  () => import("./features/catalogues/CatalogueImportPage.tsx"),
  "CatalogueImportPage",
);
const IntakeListPage = page(() => import("./features/intake/IntakeListPage.tsx"), "IntakeListPage");
const BatchPage = page(() => import("./features/intake/BatchPage.tsx"), "BatchPage");
const BoxListPage = page(() => import("./features/boxes/BoxListPage.tsx"), "BoxListPage");
const BoxPage = page(() => import("./features/boxes/BoxPage.tsx"), "BoxPage");
const InventoryPage = page(() => import("./features/inventory/InventoryPage.tsx"), "InventoryPage");
const CheckPage = page(() => import("./features/inventory/CheckPage.tsx"), "CheckPage");
const OversightPage = page(() => import("./features/oversight/OversightPage.tsx"), "OversightPage");
const InspectionPage = page(() => import("./features/oversight/InspectionPage.tsx"), "InspectionPage");
const RectificationPage = page(
  () => import("./features/oversight/RectificationPage.tsx"),
  "RectificationPage",
);
const SpotCheckPlanPage = page(() => import("./features/oversight/PlanPage.tsx"), "PlanPage");
const GrantsPage = page(() => import("./features/grants/GrantsPage.tsx"), "GrantsPage");
const GrantPage = page(() => import("./features/grants/GrantPage.tsx"), "GrantPage");
const CatalogueSearchPage = page(
  () => import("./features/catalogue-search/CatalogueSearchPage.tsx"),
  "CatalogueSearchPage",
);
const FullTextSearchPage = page(
  () => import("./features/page-text/FullTextSearchPage.tsx"),
  "FullTextSearchPage",
);
const UseRequestsPage = page(() => import("./features/use-requests/UseRequestsPage.tsx"), "UseRequestsPage");
const UseRequestPage = page(() => import("./features/use-requests/UseRequestPage.tsx"), "UseRequestPage");
const LoansPage = page(() => import("./features/use-services/LoansPage.tsx"), "LoansPage");
const OriginalsPage = page(
  () => import("./features/digitization-originals/OriginalsPage.tsx"),
  "OriginalsPage",
);
const VolumeChainPage = page(
  () => import("./features/digitization-originals/VolumeChainPage.tsx"),
  "VolumeChainPage",
);
const ScreeningPage = page(() => import("./features/screening/ScreeningPage.tsx"), "ScreeningPage");
const DigitizationQcPage = page(() => import("./features/digitization-qc/QcPage.tsx"), "QcPage");
const DigitizationDeliveryPage = page(
  () => import("./features/digitization-qc/DeliveryPage.tsx"),
  "DeliveryPage",
);
const ScanJobsPage = page(() => import("./features/use-services/ScanJobsPage.tsx"), "ScanJobsPage");
const RemoteCopiesPage = page(
  () => import("./features/use-services/RemoteCopiesPage.tsx"),
  "RemoteCopiesPage",
);
const NewUseRequestPage = page(
  () => import("./features/use-requests/NewUseRequestPage.tsx"),
  "NewUseRequestPage",
);
const MovementRegisterPage = page(
  () => import("./features/movements/MovementRegisterPage.tsx"),
  "MovementRegisterPage",
);
const DigitizationSitePickerPage = page(
  () => import("./features/digitization-site/SitePickerPage.tsx"),
  "SitePickerPage",
);
const DigitizationSitePage = page(() => import("./features/digitization-site/SitePage.tsx"), "SitePage");
const StatisticsPage = page(() => import("./features/statistics/StatisticsPage.tsx"), "StatisticsPage");
const RegistryPage = page(() => import("./features/registry/RegistryPage.tsx"), "RegistryPage");
const AgencyPage = page(() => import("./features/registry/AgencyPage.tsx"), "AgencyPage");
const AcceptancesPage = page(() => import("./features/acceptance/AcceptancesPage.tsx"), "AcceptancesPage");
const FilingsPage = page(() => import("./features/filings/FilingsPage.tsx"), "FilingsPage");
const FilingPage = page(() => import("./features/filings/FilingPage.tsx"), "FilingPage");
const MarketPage = page(() => import("./features/market/MarketPage.tsx"), "MarketPage");
const IncidentsPage = page(() => import("./features/incidents/IncidentsPage.tsx"), "IncidentsPage");
const IncidentPage = page(() => import("./features/incidents/IncidentPage.tsx"), "IncidentPage");
const ClauseCataloguePage = page(
  () => import("./features/clauses/ClauseCataloguePage.tsx"),
  "ClauseCataloguePage",
);
const ClauseDetailPage = page(() => import("./features/clauses/ClauseDetailPage.tsx"), "ClauseDetailPage");
const FacilitiesPage = page(() => import("./features/facilities/FacilitiesPage.tsx"), "FacilitiesPage");
const SiteDetailPage = page(() => import("./features/facilities/SiteDetailPage.tsx"), "SiteDetailPage");
const VaultDetailPage = page(() => import("./features/facilities/VaultDetailPage.tsx"), "VaultDetailPage");
const EquipmentListPage = page(
  () => import("./features/facilities/EquipmentListPage.tsx"),
  "EquipmentListPage",
);
const StaffPage = page(() => import("./features/facilities/StaffPage.tsx"), "StaffPage");
const CompliancePage = page(() => import("./features/facilities/CompliancePage.tsx"), "CompliancePage");

const EnvironmentPage = page(() => import("./features/environment/EnvironmentPage.tsx"), "EnvironmentPage");
const AlertsPage = page(() => import("./features/environment/AlertsPage.tsx"), "AlertsPage");
const LimitsPage = page(() => import("./features/environment/LimitsPage.tsx"), "LimitsPage");
const VaultEnvironmentPage = page(
  () => import("./features/environment/VaultEnvironmentPage.tsx"),
  "VaultEnvironmentPage",
);
const VaultAccessPage = page(() => import("./features/vault-access/VaultAccessPage.tsx"), "VaultAccessPage");

function RequireSession({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="organisations" element={<OrganisationListPage />} />
        <Route path="organisations/new" element={<OrganisationCreatePage />} />
        <Route path="organisations/:id" element={<OrganisationDetailPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="account/security" element={<AccountSecurityPage />} />
        <Route path="projects" element={<ProjectListPage />} />
        <Route path="projects/new" element={<NewProjectPage />} />
        <Route path="projects/:id" element={<ProjectDetailPage />} />
        <Route path="projects/:id/:tab" element={<ProjectDetailPage />} />
        <Route path="projects/:id/catalogues/import" element={<CatalogueImportPage />} />
        <Route path="catalogues/:id" element={<CataloguePage />} />
        <Route path="intake" element={<IntakeListPage />} />
        <Route path="intake/:id" element={<BatchPage />} />
        <Route path="boxes" element={<BoxListPage />} />
        <Route path="boxes/:id" element={<BoxPage />} />
        <Route path="inventory" element={<InventoryPage />} />
        <Route path="inventory/checks/:id" element={<CheckPage />} />
        <Route path="oversight" element={<OversightPage />} />
        <Route path="oversight/inspections/:id" element={<InspectionPage />} />
        <Route path="oversight/rectifications/:id" element={<RectificationPage />} />
        <Route path="oversight/plans/:id" element={<SpotCheckPlanPage />} />
        <Route path="grants" element={<GrantsPage />} />
        <Route path="grants/:id" element={<GrantPage />} />
        <Route path="catalogue-search" element={<CatalogueSearchPage />} />
        <Route path="full-text" element={<FullTextSearchPage />} />
        <Route path="use-requests" element={<UseRequestsPage />} />
        <Route path="use-requests/new" element={<NewUseRequestPage />} />
        <Route path="use-requests/:id" element={<UseRequestPage />} />
        <Route path="loans" element={<LoansPage />} />
        <Route path="digitization/originals" element={<OriginalsPage />} />
        <Route path="digitization/volumes/:id" element={<VolumeChainPage />} />
        <Route path="digitization/qc" element={<DigitizationQcPage />} />
        <Route path="screening" element={<ScreeningPage />} />
        <Route path="digitization/qc/deliveries/:id" element={<DigitizationDeliveryPage />} />
        <Route path="scan-jobs" element={<ScanJobsPage />} />
        <Route path="remote-copies" element={<RemoteCopiesPage />} />
        <Route path="movements" element={<MovementRegisterPage />} />
        <Route path="digitization/site" element={<DigitizationSitePickerPage />} />
        <Route path="digitization/projects/:id/site" element={<DigitizationSitePage />} />
        <Route path="digitization/projects/:id/site/:tab" element={<DigitizationSitePage />} />
        <Route path="statistics" element={<StatisticsPage />} />
        <Route path="registry" element={<RegistryPage />} />
        <Route path="registry/:id" element={<AgencyPage />} />
        <Route path="acceptances" element={<AcceptancesPage />} />
        <Route path="filings" element={<FilingsPage />} />
        <Route path="filings/:id" element={<FilingPage />} />
        <Route path="market" element={<MarketPage />} />
        <Route path="incidents" element={<IncidentsPage />} />
        <Route path="incidents/:id" element={<IncidentPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="clauses" element={<ClauseCataloguePage />} />
        <Route path="clauses/:id" element={<ClauseDetailPage />} />
        <Route path="facilities" element={<FacilitiesPage />} />
        <Route path="facilities/sites/:id" element={<SiteDetailPage />} />
        <Route path="facilities/vaults/:id" element={<VaultDetailPage />} />
        <Route path="facilities/vaults/:id/:tab" element={<VaultDetailPage />} />
        <Route path="facilities/equipment" element={<EquipmentListPage />} />
        <Route path="facilities/staff" element={<StaffPage />} />
        <Route path="facilities/compliance" element={<CompliancePage />} />
        <Route path="environment" element={<EnvironmentPage />} />
        <Route path="environment/alerts" element={<AlertsPage />} />
        <Route path="environment/limits" element={<LimitsPage />} />
        <Route path="environment/vaults/:id" element={<VaultEnvironmentPage />} />
        <Route path="vault-access" element={<VaultAccessPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
