using Arena.Core;

namespace Arena.Web.Api;

/// <summary>A <see cref="DomainException"/> as an HTTP problem with the status its kind means.</summary>
public static class DomainResults
{
    public static IResult Problem(DomainException e) => Results.Problem(e.Message, statusCode: StatusOf(e.Error));

    public static int StatusOf(DomainError error) => error switch
    {
        DomainError.NotFound => StatusCodes.Status404NotFound,
        DomainError.Forbidden => StatusCodes.Status403Forbidden,
        DomainError.Invalid => StatusCodes.Status400BadRequest,
        DomainError.QuotaExceeded => StatusCodes.Status429TooManyRequests,
        DomainError.Conflict => StatusCodes.Status409Conflict,
        DomainError.Unauthenticated => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };
}
