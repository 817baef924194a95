import { simulationCsvStream } from "@/lib/services/simulation/simulation-csv";
import { consoleCsvDownload } from "../../../../_lib/list-csv-route";

/** CSV of a finished simulation's comparison; needs plans:read and exports:read (the service checks both). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return consoleCsvDownload((db, actor, programId) => simulationCsvStream(db, actor, { programId, simulationId: id }));
}
