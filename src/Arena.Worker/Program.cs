// Placeholder entry point; the worker host is filled in by the worker's registration (WorkerRegistration).
return 0;
