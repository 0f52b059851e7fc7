namespace Arena.Worker.Hosting;

/// <summary>A message the worker refuses as sent (a path outside its roots, a malformed conversation). The message is
/// one line meant for the user, so consumers report it as is.</summary>
public sealed class InvalidRequestException(string message) : Exception(message);
