using Shinkin.Cli.Commands;

return await CommandLine.DispatchAsync(args, Console.Out, Console.Error);
