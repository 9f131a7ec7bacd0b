// What the API returns for an organisation; contact phones are masked for
// viewers outside the organisation and its supervisors.

import type { Organisation } from "@dangan/db";
import { type Actor, maskPhone, supervises } from "@dangan/domain";

export function organisationDto(org: Organisation, viewer: Actor) {
  const insider = viewer.type === "system" || viewer.orgId === org.id || supervises(viewer, org.district);
  return { ...org, contactPhone: insider ? org.contactPhone : maskPhone(org.contactPhone) };
}
export type OrganisationDto = ReturnType<typeof organisationDto>;
