package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strconv"
)

// maxImagePixels bounds a decoded image (4096 × 4096), so that a hostile
// PNG cannot make the server allocate gigabytes.
const maxImagePixels = 4096 * 4096

// Image draws a PNG (a QR code, a logo) width × height points large at the
// start edge of the page, below what came before.
func (d *Document) Image(pngData []byte, width, height float64) error {
	if d.error() != nil {
		return d.error()
	}
	if width <= 0 || height <= 0 || width > contentWidth() || height > bottom()-margin {
		return fmt.Errorf("pdf image: %gx%g points does not fit a page", width, height)
	}
	img, err := decodePNG(pngData)
	if err != nil {
		return err
	}
	d.ensureRoom(height)
	if d.error() != nil {
		return d.error()
	}
	x := margin
	if d.rtl {
		x = pageWidth - margin - width
	}
	d.drawImage(img, Box{X: x, Y: d.y, Width: width, Height: height})
	d.y += height + 0.6*bodySize
	return d.error()
}

// decodePNG decodes a PNG, refusing one too large to draw.
func decodePNG(pngData []byte) (image.Image, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(pngData))
	if err != nil {
		return nil, fmt.Errorf("pdf image: %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxImagePixels {
		return nil, fmt.Errorf("pdf image: %dx%d pixels is too large", cfg.Width, cfg.Height)
	}
	img, err := png.Decode(bytes.NewReader(pngData))
	if err != nil {
		return nil, fmt.Errorf("pdf image: %w", err)
	}
	return img, nil
}

// drawImage writes img and draws it filling box on the current page.
func (d *Document) drawImage(img image.Image, box Box) {
	obj := d.writeImage(img)
	d.images++
	name := "Im" + strconv.Itoa(d.images)
	d.page.images[name] = obj
	fmt.Fprintf(&d.page.content, "q %s 0 0 %s %s %s cm /%s Do Q\n",
		pdfNum(box.Width), pdfNum(box.Height), pdfNum(box.X), pdfNum(pageHeight-box.Y-box.Height), name)
}

// writeImage writes img as an image XObject: grey when every pixel is
// grey (QR codes), RGB otherwise, with a soft mask when it has
// transparency. It goes out at once; the page only refers to it.
func (d *Document) writeImage(img image.Image) int {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	rgb := make([]byte, 0, 3*w*h)
	alpha := make([]byte, 0, w*h)
	gray, opaque := true, true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			gray = gray && c.R == c.G && c.G == c.B
			opaque = opaque && c.A == 255
		}
	}
	space, samples := "/DeviceRGB", rgb
	if gray {
		space, samples = "/DeviceGray", make([]byte, w*h)
		for i := range samples {
			samples[i] = rgb[3*i]
		}
	}
	dict := fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8", w, h, space)
	if !opaque {
		mask := d.pw.alloc()
		d.pw.stream(mask, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", w, h), alpha)
		dict += fmt.Sprintf(" /SMask %d 0 R", mask)
	}
	obj := d.pw.alloc()
	d.pw.stream(obj, dict, samples)
	return obj
}
