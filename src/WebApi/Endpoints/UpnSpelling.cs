using System;
using SecureMFA.Core.Stores;

namespace SecureMFA.WebApi.Endpoints
{
    /// <summary>
    /// The UPNs the API accepts (invalid_upn otherwise): the one spelling the stores key by (<see cref="UpnKey"/>:
    /// name@suffix, at most 256 characters, no spaces, control or invisible characters, no decomposed accents or
    /// compatibility characters), sent as it is. One user then has one spelling up to letter case, which the stores
    /// ignore, so the per-UPN limit and the lockout cannot be dodged by writing the same name another way.
    /// </summary>
    public static class UpnSpelling
    {
        /// <summary>The store's key for <paramref name="upn"/>, or null with why it is refused in <paramref name="problem"/>.</summary>
        public static string? Key(string upn, out string problem)
        {
            // UpnKey trims surrounding spaces; the API takes the spelling as sent, so it refuses them instead.
            if (upn.Length > 0 && (char.IsWhiteSpace(upn[0]) || char.IsWhiteSpace(upn[upn.Length - 1])))
            {
                problem = "The UPN starts or ends with a space.";
                return null;
            }
            try
            {
                problem = "";
                return UpnKey.Normalize(upn);
            }
            catch (ArgumentException ex)
            {
                // UpnKey's message states the rule (quoting at most one offending character); .NET appends the parameter.
                var suffix = $" (Parameter '{ex.ParamName}')";
                problem = ex.Message.EndsWith(suffix, StringComparison.Ordinal) ? ex.Message.Substring(0, ex.Message.Length - suffix.Length) : ex.Message;
                return null;
            }
        }
    }
}
