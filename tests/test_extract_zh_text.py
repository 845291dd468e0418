"""Chinese text preparation keeps every offset: markup masking, t2s conversion, sentence splitting."""

from __future__ import annotations

from summitry.extract.zh_text import SimplifiedConverter, mask_markup, split_sentences

CREDITS = ("图像来源", "图片来源")
LABELS = ("图像加注文字", "图片说明")


def sentences_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_masking_keeps_the_length_and_the_line_breaks():
    text = "# 标题\n\n**导语**，正文。\n\n![说明文字。](_1234_photo.jpg)\n\n> 图像来源，  某通讯社\n"
    masked = mask_markup(text, CREDITS, LABELS)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


def test_an_image_caption_stays_but_its_file_name_goes():
    text = "![总统抵达首都机场。](_9876_arrival.jpg)"
    masked = mask_markup(text, CREDITS, LABELS)
    assert "总统抵达首都机场。" in masked
    assert "jpg" not in masked and "arrival" not in masked and "!" not in masked
    assert masked.index("总统") == text.index("总统")


def test_credit_lines_vanish_and_caption_labels_are_dropped():
    text = "> 图像来源，  某图片社\n>\n> 图像加注文字，两国元首举行会谈。\n"
    masked = mask_markup(text, CREDITS, LABELS)
    assert "某图片社" not in masked and "图像来源" not in masked
    assert "图像加注文字" not in masked
    assert masked.strip() == "两国元首举行会谈。"


def test_bare_file_names_and_addresses_are_masked():
    text = "详见 https://example.org/a/b 和 photo_01.png 。"
    masked = mask_markup(text, CREDITS, LABELS)
    assert "example" not in masked and "png" not in masked
    assert "详见" in masked


def test_traditional_text_becomes_simplified_character_for_character():
    converter = SimplifiedConverter()
    text = "國家主席會見來訪的總統，雙方舉行會談。"
    out = converter.convert(text)
    assert len(out) == len(text)
    assert out == "国家主席会见来访的总统，双方举行会谈。"


def test_when_a_phrase_conversion_changes_the_length_the_characters_are_converted_one_by_one():
    class PhraseShortening:
        """Stands in for OpenCC: turns one two-character phrase into one character."""

        def convert(self, text: str) -> str:
            return text.replace("乾坤", "乾").translate(str.maketrans("會見談", "会见谈"))

    converter = SimplifiedConverter()
    converter._cc = PhraseShortening()
    text = "第一行會見\n乾坤會談"
    out = converter.convert(text)
    assert len(out) == len(text)
    assert out == "第一行会见\n乾坤会谈"


def test_sentences_end_at_chinese_terminators_and_line_breaks():
    text = "甲抵达北京。乙出席峰会！丙会见丁；戊？\n己通电话"
    assert sentences_of(text) == ["甲抵达北京。", "乙出席峰会！", "丙会见丁；", "戊？", "己通电话"]


def test_a_terminator_inside_quotation_marks_does_not_end_the_sentence():
    text = "他说：“我们欢迎。我们期待”，随后两人举行会谈。"
    assert sentences_of(text) == ["他说：“我们欢迎。我们期待”，随后两人举行会谈。"]


def test_quotation_marks_closing_after_a_terminator_belong_to_the_sentence():
    text = "他说：“访问很成功。”她点头。"
    assert sentences_of(text) == ["他说：“访问很成功。”", "她点头。"]


def test_a_stray_quotation_mark_does_not_swallow_the_next_line():
    text = "他提到“一带一路倡议。\n第二行另起一句。"
    assert sentences_of(text)[-1] == "第二行另起一句。"


def test_sentence_offsets_are_trimmed_of_blanks_and_number_paragraphs_by_line():
    text = "  第一句。  \n\n　第二句。"
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == ["第一句。", "第二句。"]
    assert spans[0].paragraph < spans[1].paragraph
