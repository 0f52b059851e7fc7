namespace Arena.Engine;
