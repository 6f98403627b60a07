#pragma once
// The minimap above the waterfall: the whole trace in a strip, the visible part framed.
//
// The frame is the waterfall's time window across and its visible rows down. Drag the frame to
// move the view, drag its left or right edge to widen or narrow the time window, drag across
// the strip elsewhere to zoom to that range, click to centre the view there, double-click to
// show the whole trace. The picture is rebuilt only when the rows or the size change; moving
// the view repaints the frame over the cached picture.

#include <QImage>
#include <QWidget>

namespace rootline::ui {

class WaterfallView;

class TraceMinimap : public QWidget {
    Q_OBJECT
public:
    explicit TraceMinimap(WaterfallView* view, QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // The frame of the visible window, in widget coordinates (for tests).
    QRectF windowFrame() const;
    int pictureBuilds() const { return builds_; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QRect pictureRect() const;
    double timeAt(double x) const;
    int rowAt(double y) const;
    void ensurePicture();
    void centreOn(const QPointF& pos);

    enum class Drag { None, Move, LeftEdge, RightEdge, Range };
    WaterfallView* view_;
    QImage picture_;
    bool stale_ = true;
    int builds_ = 0;
    Drag drag_ = Drag::None;
    QPointF pressPos_;
    double pressStart_ = 0, pressEnd_ = 0;
    int pressRow_ = 0;
    double rangeEnd_ = 0;
    bool moved_ = false;
};

}  // namespace rootline::ui
