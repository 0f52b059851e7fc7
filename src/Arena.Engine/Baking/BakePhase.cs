namespace Arena.Engine.Baking;

public enum BakePhase { Queries, Sampling, Teacher, Training, Validating, Evaluating, Done }
