namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// A template that cannot be parsed or rendered: an unsupported construct, a syntax error, a type error, or the
/// template's own raise_exception. <see cref="ChatTemplateFormat"/> turns it into a <see cref="TokenizerException"/>
/// naming the template's file.
/// </summary>
internal sealed class TemplateError(int line, string message) : Exception(message)
{
    /// <summary>1-based line in the template source; 0 when unknown.</summary>
    public int Line { get; } = line;

    /// <summary>Raised by the template itself (raise_exception), not by a fault of the template or of this interpreter.</summary>
    public bool RaisedByTemplate { get; init; }
}
