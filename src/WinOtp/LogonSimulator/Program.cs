using System;
using SecureMFA.WinOtp.LogonSimulator;

// dotnet run --project src/WinOtp/LogonSimulator -- --api URL [--register BOOTSTRAP] [--state DIR] ... (--help)
try
{
    return await SimulatorApp.RunAsync(args, Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);
}
catch (Exception e)
{
    Console.Error.WriteLine($"The simulator stopped: {e.GetType().Name}: {e.Message}");
    return SimulatorApp.SetupError;
}
