using System;
using SecureMFA.Core.Startup;
using SecureMFA.WebApi.Hosting;

// dotnet run --project src/WebApi -- [--config SecureMfaOtpProvider.json] [--data .data] [--urls http://127.0.0.1:5090]
try
{
    var app = ApiApplication.Build(args);
    app.Run();
    return 0;
}
catch (DeploymentException ex)
{
    // Already written as event 5551/5553; repeated here for whoever started it by hand.
    Console.Error.WriteLine("SecureMFA WEB API did not start: " + ex.Message);
    return 1;
}
