using System;
using System.IO;
using Microsoft.AspNetCore.Connections;
using SecureMFA.Core.Startup;
using SecureMFA.WebApi.Hosting;

// dotnet run --project src/WebApi -- [--config SecureMfaOtpProvider.json] [--data .data] [--urls http://127.0.0.1:5090]
try
{
    var app = ApiApplication.Build(args);
    app.Run();
    return 0;
}
catch (IOException ex) when (ex.InnerException is AddressInUseException)
{
    Console.Error.WriteLine($"SecureMFA WEB API did not start: {ex.Message} Choose another address with --urls, for example --urls http://127.0.0.1:5091.");
    return 1;
}
catch (DeploymentException ex)
{
    // Already written as event 5551/5553; repeated here for whoever started it by hand.
    Console.Error.WriteLine("SecureMFA WEB API did not start: " + ex.Message);
    return 1;
}
