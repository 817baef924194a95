import { listCsvRoute } from "../../_lib/list-csv-route";

/** Every products row of the program as CSV (the page's permission + exports:read). */
export const GET = listCsvRoute("products");
