namespace SecureMFA.WinOtp.Api
{
    /// <summary>
    /// Why an answer could not be used. Every one of these means "the API could not be reached": the client then
    /// tries offline sign-in; none is ever read as an accept or a reject.
    /// </summary>
    public enum ApiFailure
    {
        /// <summary>No connection, DNS, TLS or a broken response.</summary>
        Network,
        /// <summary>No complete answer within api_timeout.</summary>
        Timeout,
        /// <summary>The response to a signed request carried no X-SMFA-Signature (the server refused the request before checking it, or something in between answered).</summary>
        Unsigned,
        /// <summary>The response signature did not verify: altered, forged, or for another request.</summary>
        BadSignature,
        /// <summary>A signed answer the protocol does not describe (unknown result, wrong JSON).</summary>
        BadReply,
        /// <summary>A signed 5xx: the API works but cannot decide (its store is down).</summary>
        ServerError,
    }
}
