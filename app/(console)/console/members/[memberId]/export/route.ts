import { memberHistoryCsvStream } from "@/lib/services/exports/member-history-csv";
import { consoleCsvDownload } from "../../../_lib/list-csv-route";

/** CSV of one member's points history; needs members:read and exports:read (the service checks both). */
export async function GET(_request: Request, { params }: { params: Promise<{ memberId: string }> }): Promise<Response> {
  const { memberId } = await params;
  return consoleCsvDownload((db, actor, programId) => memberHistoryCsvStream(db, actor, { programId, memberId }));
}
