import { listCsvRoute } from "../../../_lib/list-csv-route";

/** Every API key (never its secret) of the program as CSV (the page's permission + exports:read). */
export const GET = listCsvRoute("api-keys");
