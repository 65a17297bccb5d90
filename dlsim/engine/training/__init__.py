"""Running a document: experiments, the trainer, data sets and the .dlsim file format."""
