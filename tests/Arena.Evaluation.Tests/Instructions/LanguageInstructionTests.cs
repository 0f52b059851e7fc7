namespace Arena.Evaluation.Tests.Instructions;

/// <summary>
/// The language rule without langdetect: a reply is in language L when the script holding most of its letters is
/// one L is written in. Latin-script languages cannot be told apart, so any Latin text passes for en, fr, de...
/// </summary>
public class LanguageInstructionTests
{
    private static bool InLanguage(string code, string reply) =>
        Build.Instruction("language:response_language", $$"""{"language": "{{code}}"}""").Follows(reply);

    [Fact]
    public void ResponseLanguageIsToldByTheScriptOfMostLetters()
    {
        Assert.True(InLanguage("ru", "Привет, как дела? Всё хорошо, спасибо."));
        Assert.False(InLanguage("ru", "Hello, how are you? All good, thanks."));
        Assert.True(InLanguage("hi", "मुझे चाय पसंद है, और AI भी।"));
        Assert.True(InLanguage("kn", "ಹ್ಯಾಂಬರ್ಗರ್ ಸ್ಯಾಂಡ್‌ವಿಚ್ ಅಲ್ಲ."));
        Assert.False(InLanguage("te", "ಹ್ಯಾಂಬರ್ಗರ್ ಸ್ಯಾಂಡ್‌ವಿಚ್ ಅಲ್ಲ."));
        Assert.True(InLanguage("ko", "안녕하세요, 반갑습니다."));
        Assert.True(InLanguage("ar", "مرحبا بكم في المدينة"));
        Assert.True(InLanguage("he", "שלום לכולם"));
    }

    [Fact]
    public void AnyLatinScriptReplyPassesForALatinScriptLanguage()
    {
        Assert.True(InLanguage("fr", "This answer is in English."));
        Assert.True(InLanguage("vi", "Nhiệm vụ của mẹ là nuôi dạy con cái."));
        Assert.False(InLanguage("en", "Это ответ по-русски."));
    }

    [Fact]
    public void KanaMakesJapaneseAndHanAloneMayBeChineseOrJapanese()
    {
        Assert.True(InLanguage("ja", "これは日本語の文章です。"));
        Assert.False(InLanguage("zh", "これは日本語の文章です。"));
        Assert.True(InLanguage("zh", "这是中文的句子。"));
        Assert.True(InLanguage("ja", "漢字文章"));
    }

    [Fact]
    public void AReplyWithoutLettersFollowsAsIfEvalCountsUndetectableText()
    {
        Assert.True(InLanguage("de", "1 + 1 = 2 !!!"));
    }

    [Fact]
    public void EnglishCapitalNeedsNoLowercaseLetterAndLatinScript()
    {
        var instruction = Build.Instruction("change_case:english_capital");
        Assert.True(instruction.Follows("THIS IS LOUD, 100%!"));
        Assert.False(instruction.Follows("THIS IS mostly LOUD."));
        Assert.False(instruction.Follows("ЭТО ГРОМКО."));
        Assert.False(instruction.Follows("123 !!!"));
    }

    [Fact]
    public void EnglishLowercaseFailsOnAnyCapitalLetter()
    {
        var instruction = Build.Instruction("change_case:english_lowercase");
        Assert.True(instruction.Follows("a quiet reply, all in lowercase."));
        Assert.False(instruction.Follows("a quiet reply from Paris."));
        Assert.False(instruction.Follows("тихий ответ."));
    }
}
