"""Conversation-graph model: edges, node inputs, outputs, the bounded online step, checkpoint, evaluation."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import torch

from emotion.graph.build import OnlineGraph, Turn, dialogue_graph, predict_last, receptive_field, run_graph, temporal_edges
from emotion.graph.model import ConversationGraphModel, GraphModelConfig
from emotion.graph.personality import SpeakerEvidence, first_name
from emotion.labels import NUM_LABELS

CFG = GraphModelConfig(hidden=32, past_window=3, future_window=2)


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    # Tiny graphs: a second intra-op thread only spins on a shared machine.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def random_turns(n: int, dims: dict[str, int], modalities=("text",), seed: int = 0) -> list[Turn]:
    g = torch.Generator().manual_seed(seed)
    return [
        Turn(speaker="ab"[i % 3 == 0], features={m: torch.randn(dims[m], generator=g) for m in modalities},
             traits=torch.rand(5, generator=g), trait_conf=0.5)
        for i in range(n)
    ]


def edge_set(edge_index: torch.Tensor, edge_type: torch.Tensor) -> set[tuple[int, int, int]]:
    return {(int(j), int(i), int(r)) for (j, i), r in zip(edge_index.T, edge_type)}


def test_causal_edges_are_past_only_typed_by_speaker_and_windowed():
    speakers = [0, 1, 0, 0, 1, 1]
    edges = edge_set(*temporal_edges(speakers, past=2, future=1, causal=True))
    assert all(j < i and i - j <= 2 for j, i, _ in edges)
    assert (2, 3, 0) in edges  # same speaker, past
    assert (1, 3, 1) in edges  # other speaker, past
    assert (0, 3, 0) not in edges  # outside the past window
    # every pair inside the window is there, exactly once
    assert len(edges) == sum(min(i, 2) for i in range(6))


def test_offline_edges_add_future_relations():
    speakers = [0, 1, 0, 0, 1, 1]
    edges = edge_set(*temporal_edges(speakers, past=2, future=1, causal=False))
    future = {(j, i, r) for j, i, r in edges if j > i}
    assert future == {(i + 1, i, 2 + int(speakers[i + 1] != speakers[i])) for i in range(5)}
    assert {(3, 2, 2), (1, 0, 3)} <= future


def test_no_window_means_no_edges():
    edge_index, edge_type = temporal_edges([0, 1, 0], past=0, future=0, causal=False)
    assert edge_index.shape == (2, 0) and edge_type.shape == (0,)


@pytest.mark.parametrize("modalities", [(), ("text",), ("audio",), ("face",), ("audio", "face"), ("text", "audio", "face")])
def test_any_modality_subset_gives_valid_outputs(modalities):
    torch.manual_seed(0)
    model = ConversationGraphModel(CFG).eval()
    turns = random_turns(7, CFG.modality_dims, modalities)
    graph = dialogue_graph(turns, CFG, causal=False)
    for m in CFG.modality_dims:
        assert bool(graph[f"present_{m}"].all()) == (m in modalities)
    logits, va = run_graph(model, graph)
    assert logits.shape == (7, NUM_LABELS) and va.shape == (7, 2)
    assert torch.isfinite(logits).all() and (va.abs() <= 1).all()


def test_absent_vector_replaces_a_missing_modality():
    torch.manual_seed(0)
    model = ConversationGraphModel(CFG).eval()
    with torch.no_grad():  # not a constant: LayerNorm removes a shift that is the same in every dimension
        model.absent["audio"].copy_(torch.linspace(-3.0, 3.0, model.absent["audio"].numel()))
    turns = random_turns(4, CFG.modality_dims, ("text",))
    g = dialogue_graph(turns, CFG, causal=True)
    h_absent = model.node_input({m: g[f"x_{m}"] for m in CFG.modality_dims},
                                {m: g[f"present_{m}"] for m in CFG.modality_dims}, g.traits, g.trait_conf)
    with torch.no_grad():
        model.absent["audio"].zero_()
    h_zero = model.node_input({m: g[f"x_{m}"] for m in CFG.modality_dims},
                              {m: g[f"present_{m}"] for m in CFG.modality_dims}, g.traits, g.trait_conf)
    assert not torch.allclose(h_absent, h_zero)


def test_personality_term_vanishes_at_zero_confidence():
    torch.manual_seed(0)
    model = ConversationGraphModel(CFG).eval()
    turns = random_turns(5, CFG.modality_dims)
    g = dialogue_graph(turns, CFG, causal=True)
    x = {m: g[f"x_{m}"] for m in CFG.modality_dims}
    present = {m: g[f"present_{m}"] for m in CFG.modality_dims}
    zero = torch.zeros(5)
    a = model.node_input(x, present, g.traits, zero)
    b = model.node_input(x, present, torch.rand(5, 5), zero)
    c = model.node_input(x, present, g.traits, torch.ones(5))
    assert torch.allclose(a, b) and not torch.allclose(a, c)


def test_online_step_is_bounded_and_matches_the_full_causal_graph():
    torch.manual_seed(0)
    model = ConversationGraphModel(CFG).eval()
    turns = [Turn(t.speaker, t.features) for t in random_turns(60, CFG.modality_dims)]  # no traits: no estimator
    online = OnlineGraph(model)
    nodes = []
    for t in turns:
        probs, valence, arousal = online.step(t.speaker, t.features)
        nodes.append(online.last_num_nodes)
    assert max(nodes) == receptive_field(CFG) == CFG.num_layers * CFG.past_window + 1
    assert nodes[10] == nodes[-1]  # turn 11 and turn 60 process the same number of nodes
    assert probs.shape == (NUM_LABELS,) and abs(float(probs.sum()) - 1) < 1e-5 and -1 <= valence <= 1 and -1 <= arousal <= 1
    with torch.no_grad():
        full_logits, _ = run_graph(model, dialogue_graph(turns, CFG, causal=True))
    assert torch.allclose(probs, full_logits[-1].softmax(-1), atol=1e-5)
    # the window really is causal: a future turn does not change an earlier prediction
    p_before, _, _ = predict_last(model, turns[:30])
    assert torch.allclose(p_before, full_logits[29].softmax(-1), atol=1e-5)


def test_online_step_ignores_modalities_the_model_was_not_trained_on():
    torch.manual_seed(0)
    model = ConversationGraphModel(CFG).eval()  # trained_modalities = ("text",)
    text = {"text": torch.randn(384)}
    with_audio = {**text, "audio": torch.randn(128)}
    p_text, _, _ = OnlineGraph(model).step("a", text)
    p_audio, _, _ = OnlineGraph(model).step("a", with_audio)
    assert torch.equal(p_text, p_audio)
    p_none, _, _ = OnlineGraph(model).step("a", {})
    assert not torch.allclose(p_text, p_none)


def test_speaker_evidence_confidence_grows():
    from emotion.graph.personality import PersonalityEstimator

    est = PersonalityEstimator(torch.zeros(5, 4), torch.zeros(5), chars_scale=100.0)
    ev = SpeakerEvidence()
    assert ev.estimate(est)[1] == 0.0
    confs = []
    for _ in range(3):
        ev.add(torch.ones(4), "x" * 50)
        confs.append(ev.estimate(est)[1])
    assert 0 < confs[0] < confs[1] < confs[2] < 1
    assert first_name("['Monica Geller']") == "monica" and first_name("Ross") == "ross"


def test_checkpoint_loads_and_predicts():
    from emotion.graph.io import load_checkpoint

    ckpt = load_checkpoint()
    assert ckpt.temperature > 0 and set(ckpt.character_traits) == {"chandler", "joey", "monica", "phoebe", "rachel", "ross"}
    dims = ckpt.model.cfg.modality_dims
    online = OnlineGraph(ckpt.model, ckpt.temperature, ckpt.estimator)
    for t in random_turns(5, dims):
        probs, valence, arousal = online.step(t.speaker, t.features, "I can't believe it!")
    assert probs.shape == (NUM_LABELS,) and -1 <= valence <= 1
    assert online.evidence["a"].n_turns + online.evidence["b"].n_turns == 5


def write_csv(path: Path, header: list[str], rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_evaluate_on_tiny_meld_and_emorynlp_csvs(tmp_path):
    from emotion.evaluation.graph import evaluate

    meld = write_csv(tmp_path / "meld.csv", ["Utterance", "Speaker", "Emotion", "Dialogue_ID", "Utterance_ID"], [
        ["Oh my God, this is amazing!", "Rachel", "joy", 0, 0],
        ["I hate this so much.", "Ross", "anger", 0, 1],
        ["Okay.", "Rachel", "neutral", 0, 2],
        ["Whatever.", "Joey", "contempt", 1, 0],
        ["What?! Really?", "Joey", "surprise", 1, 1],
    ])
    folder = tmp_path / "sealed"
    folder.mkdir()
    meld = meld.rename(folder / "meld.csv")  # a folder with one MELD-format CSV is accepted too
    report = evaluate(folder, json_out=tmp_path / "r.json", mode="causal")
    saved = json.loads((tmp_path / "r.json").read_text())
    assert saved["n"] == 4 and saved["skipped"] == {"unknown_label": 1}
    assert {"accuracy", "weighted_f1", "macro_f1", "n"} <= set(saved) and 0 <= report["weighted_f1"] <= 1

    emory = write_csv(tmp_path / "emory.csv",
                      ["Utterance", "Speaker", "Emotion", "Scene_ID", "Utterance_ID", "Season", "Episode"], [
        ["I'm so scared.", "['Monica Geller']", "Scared", 1, 1, 1, 2],
        ["It's fine, relax.", "['Chandler Bing']", "Peaceful", 1, 2, 1, 2],
        ["Get out!", "['Ross Geller']", "Mad", 2, 1, 1, 2],
    ])
    report = evaluate(emory, mode="offline")
    assert report["n"] == 3 and report["support"]["fear"] == 1 and report["support"]["neutral"] == 1


def multimodal_context():
    from emotion.graph.io import GraphCheckpoint
    from emotion.graph.personality import PersonalityEstimator
    from emotion.service.context import ConversationContext

    torch.manual_seed(0)
    cfg = GraphModelConfig(hidden=32, past_window=3, trained_modalities=("text", "audio", "face"))
    estimator = PersonalityEstimator(torch.zeros(5, 384), torch.zeros(5))
    return ConversationContext(GraphCheckpoint(ConversationGraphModel(cfg).eval(), 1.0, estimator, {}, "minilm-frozen", {}, {}))


def output(modality: str, dim: int, label: int = 0):
    from emotion.encoders.base import ModalityOutput

    probs = [0.01] * NUM_LABELS
    probs[label] = 1 - 0.01 * (NUM_LABELS - 1)
    return ModalityOutput(modality, torch.randn(dim).tolist(), probs)


def test_context_reads_any_modality_subset_and_persists_each_embedding():
    from emotion.service.context import fuse_in_context

    context = multimodal_context()
    audio_only = context.read([output("audio", 128)], "", "u", "s", 0, past=[], speaker_last=None)
    assert audio_only.read == ("audio",) and audio_only.node.features is None and audio_only.node.face_features is None
    assert len(audio_only.node.audio_features) == 128 * 2  # float16
    assert audio_only.node.evidence_turns == 0  # personality evidence comes from text only
    both = context.read([output("text", 384), output("face", 256)], "so happy", "u", "s", 1,
                        past=[audio_only.node], speaker_last=audio_only.node)
    assert both.read == ("text", "face") and both.node.audio_features is None and both.node.evidence_turns == 1
    assert "over 2 turns" in both.output.notes[0]
    # the graph read every used modality: its reading is the turn's reading
    reading = fuse_in_context([output("text", 384, 3), output("face", 256, 3)], both, {"text": 1.0, "face": 2.0})
    assert reading.probs == pytest.approx(both.output.probs, abs=1e-5)


def test_text_only_context_is_late_fused_with_the_other_modalities():
    from emotion.fusion import fuse
    from emotion.graph.io import GraphCheckpoint
    from emotion.graph.personality import PersonalityEstimator
    from emotion.service.context import ConversationContext, fuse_in_context

    torch.manual_seed(0)
    model = ConversationGraphModel(GraphModelConfig(hidden=32, personality=False)).eval()
    context = ConversationContext(GraphCheckpoint(model, 1.0, PersonalityEstimator(torch.zeros(5, 384), torch.zeros(5)), {}, "x", {}, {}))
    outputs = [output("text", 384), output("audio", 128, 2)]
    assert context.read([outputs[1]], "", "u", "s", 0, [], None) is None  # audio alone: nothing for this graph
    read = context.read(outputs, "hi", "u", "s", 0, [], None)
    assert read.read == ("text",) and read.node.audio_features is None
    weights = {"text": 2.0, "audio": 1.0}
    expected = fuse([type(outputs[0])("text", [], read.output.probs), outputs[1]], weights)
    assert fuse_in_context(outputs, read, weights).probs == pytest.approx(expected.probs)


def test_service_refuses_a_graph_trained_on_another_speech_encoder(tmp_path):
    from emotion.graph.io import save_checkpoint
    from emotion.graph.personality import PersonalityEstimator
    from emotion.service.context import ConversationContext

    cfg = GraphModelConfig(hidden=8, trained_modalities=("text", "audio"))
    estimator = PersonalityEstimator(torch.zeros(5, 384), torch.zeros(5))
    save_checkpoint(tmp_path / "graph.pt", ConversationGraphModel(cfg), 1.0, estimator, {}, "minilm-frozen", {},
                    {"audio": "speech:0000000000000000"})
    assert ConversationContext.load(tmp_path).modalities == ("text", "audio")  # no speech encoder here: fine
    (tmp_path / "speech").mkdir()
    (tmp_path / "speech" / "speech.pt").write_bytes(b"another speech encoder")
    with pytest.raises(FileNotFoundError, match="audio embeddings"):
        ConversationContext.load(tmp_path)


def test_pairing_gives_same_label_partners_at_the_presence_rate():
    from torch_geometric.data import Data

    from emotion.graph.pseudo import ModalityPool, hide, pair

    labels = torch.arange(NUM_LABELS).repeat(3)  # 3 clips per label; clip k has embedding [k, label]
    pool = ModalityPool("audio", torch.stack([torch.arange(21.0), labels.float()], 1), torch.eye(NUM_LABELS)[labels],
                        labels, "speech:test")
    graphs = [Data(y=torch.randint(0, NUM_LABELS, (50,), generator=torch.Generator().manual_seed(i)), num_nodes=50)
              for i in range(40)]
    pair(graphs, {"audio": pool}, {"audio": 0.5}, torch.Generator().manual_seed(0))
    present = torch.cat([g.present_audio for g in graphs])
    x, y = torch.cat([g.x_audio for g in graphs]), torch.cat([g.y for g in graphs])
    assert 0.45 < present.float().mean() < 0.55
    assert torch.equal(x[present, 1].long(), y[present]) and (x[~present] == 0).all()
    assert torch.equal(torch.cat([g.probs_audio for g in graphs])[present].argmax(1), y[present])
    assert not hide(graphs, "audio")[0].present_audio.any() and graphs[0].present_audio.any()  # hide copies
    pair(graphs, {"audio": pool}, {"audio": 1.0}, torch.Generator().manual_seed(1), same_label={"audio": 0.6})
    x = torch.cat([g.x_audio for g in graphs])
    assert 0.55 < (x[:, 1].long() == y).float().mean() < 0.65  # the rest get another label's clip
