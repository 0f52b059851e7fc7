namespace Arena.Core;

public enum DomainError
{
    /// <summary>Missing, deleted, or not visible to the viewer (the web answers 404 for all three: no existence leak).</summary>
    NotFound,
    /// <summary>Visible but the viewer may not do this (e.g. delete someone else's model).</summary>
    Forbidden,
    /// <summary>Bad input; the message says which field and why.</summary>
    Invalid,
    /// <summary>Too many concurrent bakes, votes, …</summary>
    QuotaExceeded,
    /// <summary>The operation conflicts with the current state (e.g. cancelling a finished job).</summary>
    Conflict,
    /// <summary>Baking needs an account.</summary>
    Unauthenticated,
}

/// <summary>An expected failure of a domain operation, with a message fit to show the user.</summary>
public sealed class DomainException(DomainError error, string message) : Exception(message)
{
    public DomainError Error { get; } = error;

    public static DomainException NotFound(string what) => new(DomainError.NotFound, $"{what} was not found");
    public static DomainException Invalid(string message) => new(DomainError.Invalid, message);
}
