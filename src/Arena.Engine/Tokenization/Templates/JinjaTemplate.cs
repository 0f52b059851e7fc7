namespace Arena.Engine.Tokenization.Templates;

/// <summary>
/// A parsed Jinja template of the subset Hugging Face chat templates use. Parsing checks every statement, filter
/// and test, so an unsupported construct fails when the template is loaded, not mid-chat.
/// </summary>
internal sealed class JinjaTemplate
{
    private readonly IReadOnlyList<TemplateStatement> _body;

    private JinjaTemplate(IReadOnlyList<TemplateStatement> body)
    {
        _body = body;
    }

    /// <exception cref="TemplateError">A syntax error or an unsupported construct.</exception>
    public static JinjaTemplate Parse(string source) => new(TemplateParser.Parse(source));

    /// <summary>Renders with the given variables (plain .NET values: string, long, double, bool, null, lists, dictionaries).</summary>
    /// <exception cref="TemplateError">A type error, an undefined value used, or the template's raise_exception.</exception>
    public string Render(IReadOnlyDictionary<string, object?> variables, Func<DateTime>? now = null)
    {
        var globals = new TemplateScope(null);
        TemplateGlobals.AddTo(globals, now ?? (() => DateTime.Now));
        foreach ((string name, object? value) in variables)
        {
            globals.Set(name, FromClr(value));
        }

        return TemplateEvaluator.Render(_body, globals);
    }

    /// <summary>Our value model from plain .NET values: ints become long, maps become ordered dicts.</summary>
    public static object? FromClr(object? value) => value switch
    {
        null or string or bool or long or double or TemplateCallable or TemplateNamespace or OrderedDictionary<object, object?> => value,
        int i => (long)i,
        float f => (double)f,
        IEnumerable<KeyValuePair<string, object?>> map => ToDict(map),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(FromClr).ToList(),
        _ => value,
    };

    private static OrderedDictionary<object, object?> ToDict(IEnumerable<KeyValuePair<string, object?>> map)
    {
        OrderedDictionary<object, object?> dict = TemplateValues.NewDict();
        foreach ((string key, object? item) in map)
        {
            dict[key] = FromClr(item);
        }

        return dict;
    }
}
