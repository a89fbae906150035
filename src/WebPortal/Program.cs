using System;
using SecureMFA.WebPortal;

// dotnet run --project src/WebPortal [-- --urls http://127.0.0.1:5070] [--Oidc:Authority=https://adfs.example.com/adfs --Oidc:ClientId=…]
try
{
    var app = PortalApp.Build(args);
    app.Run();
    return 0;
}
catch (PortalSettingsException ex)
{
    Console.Error.WriteLine("SecureMFA OTP Web Portal: " + ex.Message);
    return 2;
}
