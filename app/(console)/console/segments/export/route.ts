import { listCsvRoute } from "../../_lib/list-csv-route";

/** Every segments row of the program as CSV (the page's permission + exports:read). */
export const GET = listCsvRoute("segments");
