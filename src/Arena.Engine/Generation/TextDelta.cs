namespace Arena.Engine.Generation;

/// <summary>Why a row stopped generating.</summary>
public enum FinishReason { None, Stop, Length, Cancelled }

/// <summary>New text for one row of a batch; the last delta of a row carries its finish reason.</summary>
public sealed record TextDelta(int Row, string Text, int Tokens, FinishReason Finish = FinishReason.None)
{
    public bool Finished => Finish != FinishReason.None;
}
