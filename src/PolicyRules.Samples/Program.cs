// policy-check: checks trade-agreement drafts against the principles of the UNESCO 2005 Convention.
// Every command lives in Cli/; this entry point only connects them to the console.
using PolicyRules.Cli;

StartupProfile.Start(args);
return PolicyCheckApp.Run(args, Console.Out, Console.Error, CliEnvironment.FromConsole());
