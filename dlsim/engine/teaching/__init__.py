"""The lecture's step-through material: backprop stepper, perceptron and its lab, topics."""
