namespace Arena.Starter;
