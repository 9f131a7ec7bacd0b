import type { ProjectDetail } from "../../../api/types.ts";
import { AttachmentsPanel } from "../../attachments/AttachmentsPanel.tsx";

export function AttachmentsTab({ project }: { project: ProjectDetail }) {
  return (
    <AttachmentsPanel entityType="project" entityId={project.id} canUpload={project.permissions.attach} />
  );
}
