# ruff: noqa: E501 (each text is one literal, as the file holds it, for pyside6-lupdate)
"""The shipped examples' titles and descriptions, marked for translation.

They live in the .dlsim files (the file keeps its English name whatever the language); this list
lets pyside6-lupdate extract them into ui_ko.ts, and `example_text` shows a file's text in the
interface language. tests/ui/test_translation_walk.py checks that every example is listed here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dlsim.engine.text import QT_TRANSLATE_NOOP

CONTEXT = "Examples"

TEXTS = (
    QT_TRANSLATE_NOOP("Examples", "XOR by backpropagation"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "A 2-4-1 network with tanh hidden units and a sigmoid output learns XOR from its four rows by gradient descent. Press Run and watch the loss fall and the decision boundary bend.",
    ),
    QT_TRANSLATE_NOOP("Examples", "AND gate (perceptron)"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "The lecture's single-layer perceptron for AND: y = 1 when w1·x1 + w2·x2 + b > 0, with w1 = 0.5, w2 = 0.5, b = -0.7. Step units learn by the perceptron rule, one sample per step.",
    ),
    QT_TRANSLATE_NOOP("Examples", "OR gate (perceptron)"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "The lecture's single-layer perceptron for OR: y = 1 when w1·x1 + w2·x2 + b > 0, with w1 = 0.6, w2 = 0.6, b = -0.5. Step units learn by the perceptron rule, one sample per step.",
    ),
    QT_TRANSLATE_NOOP("Examples", "NAND gate (perceptron)"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "The lecture's single-layer perceptron for NAND: y = 1 when w1·x1 + w2·x2 + b > 0, with w1 = -0.5, w2 = -0.5, b = 0.7. Step units learn by the perceptron rule, one sample per step.",
    ),
    QT_TRANSLATE_NOOP("Examples", "XOR from gates"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "A 2-2-1 network of step units: hidden s1 = NAND(x1, x2), s2 = OR(x1, x2), output y = AND(s1, s2) = XOR(x1, x2), with the lecture's gate weights. No single perceptron can do this; two layers can.",
    ),
    QT_TRANSLATE_NOOP("Examples", "XOR with an input feature, no hidden layer"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "Input 2 → Features [x1, x2, x1*x2] → one sigmoid unit. With the product x1·x2 as a third input, XOR is a straight cut: x1 + x2 − 2·x1·x2. Press Run; then delete x1*x2 from the Features layer and watch the loss stay at ln 2.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Backpropagation, the lecture's worked example"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "The lecture's 2-2-2 network: sigmoid everywhere, no biases, x = (0.1, 0.2), targets (0.4, 0.6), W1..W8 = 0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6, E_total = Σ ½(target − output)², plain SGD with learning rate 0.5. One step reproduces the slides: E_total = 0.02397190, ∂E/∂W5 = 0.02592286, W5⁺ = 0.43703857, ∂E/∂W1 = 0.00080888.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Iris with the lecture's Keras network"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "The lecture's Keras example: Dense(8, input_dim=4, init='uniform', activation='relu'), Dense(8, relu), Dense(3, softmax), trained with Adam on categorical cross-entropy to tell the three Iris species apart from four flower measurements.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Exploding gradients: clipping to the rescue"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "Six ReLU layers whose weights start twice as large as He's (normal, σ = 0.5 for 32 inputs): every layer doubles the signal and the gradient, so plain SGD's first steps throw the weights to infinity. With clipnorm = 1 each gradient is scaled down to length 1 and the same network trains.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Optimizers compared on one problem"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "A 2-16-16-1 ReLU network on the two moons, trained by batch, mini-batch and stochastic gradient descent, momentum, Adagrad, RMSProp and Adam, all with learning rate 0.01: the same start and data, only the update rule and the batch size differ.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Overfitting: a big network, 30 noisy points"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "A 2-64-64-1 tanh network (4,417 weights) learns two overlapping clouds of points from only 30 training samples: its training loss falls to almost zero while the loss on 170 held-out validation samples climbs. Turn on L2, dropout or augmentation, or shrink the model, and watch the gap between the two curves close.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Vanishing gradients: six sigmoid layers"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "Six hidden sigmoid layers between the input and the output: the first layer's gradient is thousands of times smaller than the last's, so the early layers barely move and the loss stays at chance. Switch to ReLU with He initialization, or insert BatchNorm, and the gradient reaches the first layer again.",
    ),
    QT_TRANSLATE_NOOP("Examples", "Weight initialization: six ReLU layers"),
    QT_TRANSLATE_NOOP(
        "Examples",
        "The same six-layer ReLU network (saved with the lecture's init='uniform') started from zeros, small uniform weights, Glorot or He: compare the activation histograms layer by layer. Zeros keep every unit identical, small uniform weights make the signal die out with depth, He keeps its spread.",
    ),
)


def example_text(text: str) -> str:
    """An example's title or description in the interface language (other text: unchanged)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text
