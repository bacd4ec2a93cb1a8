using CchcBot.Cli;

return await CliApp.RunAsync(args);
