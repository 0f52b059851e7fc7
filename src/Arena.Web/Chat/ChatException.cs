namespace Arena.Web.Chat;

/// <summary>A reply could not be produced; the message is fit to show the user.</summary>
public sealed class ChatException(string message) : Exception(message);
