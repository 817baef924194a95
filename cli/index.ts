import { Command } from "commander";
import { registerApiKeyCommands } from "./commands/api-key";
import { registerBiCommands } from "./commands/bi";
import { registerGenerateCommands } from "./commands/generate";
import { registerImportCommands } from "./commands/import";
import { registerJobCommands } from "./commands/jobs";
import { registerLedgerCommands } from "./commands/ledger";
import { registerPredictCommands } from "./commands/predict";
import { registerProgramCommands } from "./commands/program";
import { registerRollupCommands } from "./commands/rollups";
import { registerSeedCommands } from "./commands/seed";
import { registerTeamCommands } from "./commands/team";

/** `npm run cli -- …`: the same services as the app, on the same database. */
const cli = new Command("lazo").description("Lazo loyalty platform command line").showHelpAfterError();
registerSeedCommands(cli);
registerLedgerCommands(cli);
registerProgramCommands(cli);
registerImportCommands(cli);
registerGenerateCommands(cli);
registerApiKeyCommands(cli);
registerTeamCommands(cli);
registerJobCommands(cli);
registerPredictCommands(cli);
registerRollupCommands(cli);
registerBiCommands(cli);

void cli.parseAsync(process.argv);
