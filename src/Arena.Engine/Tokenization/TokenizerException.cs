namespace Arena.Engine.Tokenization;

public sealed class TokenizerException(string message) : Exception(message);
