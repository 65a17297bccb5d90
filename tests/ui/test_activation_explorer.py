"""The activation explorer: f and f′ on one plot, the leaky slope, the saturated tails."""

import math

import pytest

from dlsim.ui.lessons.activation_explorer import ActivationExplorer


@pytest.fixture
def explorer(qtbot):
    widget = ActivationExplorer()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def at(values, z_list, z):
    return values[min(range(len(z_list)), key=lambda k: abs(z_list[k] - z))]


def test_sigmoid_and_its_derivative_on_the_same_axes(explorer):
    explorer.buttons["sigmoid"].click()
    z, f, df = explorer.curves()
    assert z[0] == -6 and z[-1] == 6
    for point in (-3.0, 0.0, 2.5):
        s = 1 / (1 + math.exp(-point))
        assert at(f, z, point) == pytest.approx(s, abs=1e-3)
        assert at(df, z, point) == pytest.approx(s * (1 - s), abs=1e-3)
    assert max(df) == pytest.approx(0.25)
    assert "≤ 0.25" in explorer.info_text()


def test_the_saturated_tails_of_sigmoid_and_tanh_are_marked(explorer):
    explorer.buttons["sigmoid"].click()
    (a, b), (c, d) = explorer.saturation_spans()
    # sigmoid(z) > 0.99 for z > ln 99
    assert (a, b) == pytest.approx((-6, -math.log(99)))
    assert (c, d) == pytest.approx((math.log(99), 6))
    assert "vanishing" in explorer.info_text()
    explorer.buttons["tanh"].click()
    spans = explorer.saturation_spans()
    assert spans[1][0] == pytest.approx(math.atanh(0.99))
    explorer.buttons["relu"].click()
    assert explorer.saturation_spans() == []


def test_the_leaky_slope_is_adjustable(explorer):
    explorer.buttons["leaky_relu"].click()
    alpha = explorer.controls["leaky_relu"]["alpha"]
    assert alpha.spin.value() == pytest.approx(0.1)  # the lecture's α
    explorer.set_param("alpha", 0.3)
    z, f, df = explorer.curves()
    assert at(f, z, -2.0) == pytest.approx(-0.6, abs=1e-2)
    assert at(df, z, -2.0) == pytest.approx(0.3)
    assert at(df, z, 2.0) == pytest.approx(1.0)
    assert "max(0.3z, z)" in explorer.info_text()
    assert alpha.slider.value() == 30
    alpha.slider.setValue(50)
    assert explorer.param_values() == {"alpha": pytest.approx(0.5)}
    assert "max(0.5z, z)" in explorer.info_text()


def test_parameter_controls_come_from_the_function_and_show_only_for_it(explorer):
    explorer.show()
    explorer.buttons["tanh"].click()
    assert explorer.param_values() == {}
    assert not explorer.controls["leaky_relu"]["alpha"].isVisible()
    explorer.buttons["leaky_relu"].click()
    assert explorer.controls["leaky_relu"]["alpha"].isVisible()
    assert {name for name, c in explorer.controls.items() if c} >= {"leaky_relu"}


def test_softmax_is_shown_one_logit_at_a_time(explorer):
    explorer.show()
    explorer.buttons["softmax"].click()
    z, f, df = explorer.curves()
    p = math.exp(1.0) / (math.exp(1.0) + 2)
    assert at(f, z, 1.0) == pytest.approx(p, abs=1e-3)
    assert at(df, z, 1.0) == pytest.approx(p * (1 - p), abs=1e-3)
    assert at(f, z, 0.0) == pytest.approx(1 / 3, abs=1e-3)
    # The screen says what is held fixed.
    assert explorer.caption.isVisible()
    assert "z₂ = 0" in explorer.info_text() and "z₃ = 0" in explorer.info_text()
    explorer.buttons["tanh"].click()
    assert not explorer.caption.isVisible()


def test_the_probe_reads_f_and_its_slope(explorer):
    explorer.buttons["tanh"].click()
    explorer.set_probe(0.5)
    t = math.tanh(0.5)
    assert f"f(z) = {t:.4f}" in explorer.probe_text()
    assert f"f′(z) = {1 - t * t:.4f}" in explorer.probe_text()


def test_step_has_no_gradient(explorer):
    explorer.buttons["step"].click()
    _, f, df = explorer.curves()
    assert set(df) == {0.0}
    assert set(f) == {0.0, 1.0}
    assert "perceptron rule" in explorer.info_text()


def test_elu_has_its_own_alpha_control(explorer):
    explorer.show()
    explorer.buttons["elu"].click()
    control = explorer.controls["elu"]["alpha"]
    assert control.isVisible() and control.spin.value() == pytest.approx(1.0)
    explorer.set_param("alpha", 2.0)
    z, f, df = explorer.curves()
    assert at(f, z, -2.0) == pytest.approx(2.0 * math.expm1(-2.0), abs=1e-2)
    assert at(df, z, -2.0) == pytest.approx(2.0 * math.exp(-2.0), abs=1e-2)
    assert "2(e^z − 1)" in explorer.info_text()
    assert not explorer.controls["leaky_relu"]["alpha"].isVisible()
