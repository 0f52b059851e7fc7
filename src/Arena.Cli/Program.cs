using Arena.Cli;
using Arena.Cli.Commands;

return CliApp.Run(args);
