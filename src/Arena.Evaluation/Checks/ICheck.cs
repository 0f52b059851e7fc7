namespace Arena.Evaluation.Checks;

/// <summary>One thing a reply to a suite item must do, e.g. contain a word, match a number or follow an instruction.</summary>
public interface ICheck
{
    /// <summary>The check's kind as written in suite files, e.g. <c>regex</c> or <c>instruction</c>.</summary>
    string Kind { get; }

    /// <summary>A short name for reports, e.g. <c>contains "cat"</c> or <c>punctuation:no_comma</c>.</summary>
    string Name { get; }

    /// <summary>Judges one reply. Never throws for anything the reply holds; a failure to judge is a failed result with an error.</summary>
    CheckResult Check(string response);
}
