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
const ProjectListPage = page(() => import("./features/projects/ProjectListPage.tsx"), "ProjectListPage");
const NewProjectPage = page(() => import("./features/projects/NewProjectPage.tsx"), "NewProjectPage");
const ProjectDetailPage = page(
  () => import("./features/projects/ProjectDetailPage.tsx"),
  "ProjectDetailPage",
);
const AuditLogPage = page(() => import("./features/audit/AuditLogPage.tsx"), "AuditLogPage");
const ClauseCataloguePage = page(
  () => import("./features/clauses/ClauseCataloguePage.tsx"),
  "ClauseCataloguePage",
);
const ClauseDetailPage = page(() => import("./features/clauses/ClauseDetailPage.tsx"), "ClauseDetailPage");

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
        <Route path="projects" element={<ProjectListPage />} />
        <Route path="projects/new" element={<NewProjectPage />} />
        <Route path="projects/:id" element={<ProjectDetailPage />} />
        <Route path="projects/:id/:tab" element={<ProjectDetailPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="clauses" element={<ClauseCataloguePage />} />
        <Route path="clauses/:id" element={<ClauseDetailPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
